use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::thread;

fn main() {
    let sum = Arc::new(AtomicI64::new(0));
    let handles: Vec<_> = (1..=4)
        .map(|i| {
            let sum = Arc::clone(&sum);
            thread::spawn(move || {
                sum.fetch_add(i, Ordering::SeqCst);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    println!("{}", sum.load(Ordering::SeqCst));
}
