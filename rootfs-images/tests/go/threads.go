package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var sum int64
	var wg sync.WaitGroup
	for i := int64(1); i <= 4; i++ {
		wg.Add(1)
		go func(part int64) {
			defer wg.Done()
			atomic.AddInt64(&sum, part)
		}(i)
	}
	wg.Wait()
	fmt.Println(sum)
}
