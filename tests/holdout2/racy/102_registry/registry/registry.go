// shape: S16/S24 across packages (package-level map written by an exported
// function) — package registry keeps codecs in a package-level map with no
// lock; Register is meant for init but package main calls it from the
// goroutines that load plugins in parallel.
package registry

import (
	"errors"
	"strings"
)

type Codec interface {
	Name() string
	Encode(v string) string
}

var codecs = map[string]Codec{}

var ErrUnknown = errors.New("registry: unknown codec")

// Register makes a codec available under its lower-cased name.
func Register(c Codec) {
	codecs[strings.ToLower(c.Name())] = c // want MG001
}

// Lookup finds a registered codec.
func Lookup(name string) (Codec, error) {
	c, ok := codecs[strings.ToLower(name)]
	if !ok {
		return nil, ErrUnknown
	}
	return c, nil
}

func Count() int { return len(codecs) }
