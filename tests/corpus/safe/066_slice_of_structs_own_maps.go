// shape: FP — users[i].Tags[k] = v — each goroutine writes the map of its own slice element
package main

import (
	"strings"
	"sync"
)

type User struct {
	Email string
	Name  string
	Tags  map[string]string
}

func main() {
	users := []User{
		{Email: "ann@a.io", Tags: map[string]string{}},
		{Email: "bo@b.io", Tags: map[string]string{}},
		{Email: "cy@c.io", Tags: map[string]string{}},
	}
	var wg sync.WaitGroup
	for i := range users {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			at := strings.IndexByte(users[i].Email, '@')
			users[i].Name = users[i].Email[:at]
			users[i].Tags["domain"] = users[i].Email[at+1:]
		}(i)
	}
	wg.Wait()
}
