// Package rawc registers the identity codec at init time.
package rawc

import "example.com/codecs/codec"

type raw struct{}

func (raw) Name() string           { return "identity" }
func (raw) Encode(p []byte) []byte { return p }

func init() { codec.Register(raw{}) }
