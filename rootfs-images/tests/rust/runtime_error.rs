fn main() {
    let values = vec![1, 2, 3];
    let i = std::env::args().count() + 9;
    println!("{}", values[i]);
}
