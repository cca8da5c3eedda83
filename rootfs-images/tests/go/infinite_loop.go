package main

var n int64

func main() {
	for {
		n++
	}
}
