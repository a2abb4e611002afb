// shape: FP — a codec registry is built inside sync.Once; afterwards every goroutine only reads it
package main

import (
	"strings"
	"sync"
)

type Codec interface {
	Encode(s string) string
}

type upper struct{}

func (upper) Encode(s string) string { return strings.ToUpper(s) }

type reverse struct{}

func (reverse) Encode(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

var (
	codecsOnce sync.Once
	codecs     map[string]Codec
)

func registry() map[string]Codec {
	codecsOnce.Do(func() {
		codecs = make(map[string]Codec)
		codecs["upper"] = upper{}
		codecs["reverse"] = reverse{}
	})
	return codecs
}

func encode(name, payload string) string {
	c, ok := registry()[name]
	if !ok {
		return payload
	}
	return c.Encode(payload)
}

func main() {
	var wg sync.WaitGroup
	names := []string{"upper", "reverse", "none"}
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				encode(names[(i+j)%3], "payload")
			}
		}(i)
	}
	wg.Wait()
}
