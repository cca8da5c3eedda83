package main

import "fmt"

func main() {
	values := []int{1, 2, 3}
	i := 10
	fmt.Println(values[i])
}
