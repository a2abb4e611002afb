// shape: multi-package, a package map written only from init functions - the
// codec registry has no lock: Register is called from the init() of each
// codec package, Lookup from request goroutines after main starts.
package codec

import "sort"

type Codec interface {
	Name() string
	Encode(p []byte) []byte
}

var registry = map[string]Codec{}

// Register must be called from an init function.
func Register(c Codec) {
	if _, dup := registry[c.Name()]; dup {
		panic("codec: registered twice: " + c.Name())
	}
	registry[c.Name()] = c
}

func Lookup(name string) (Codec, bool) {
	c, ok := registry[name]
	return c, ok
}

func Names() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
