// Package gzipc registers the gzip codec at init time.
package gzipc

import (
	"bytes"
	"compress/gzip"

	"example.com/codecs/codec"
)

type gz struct{}

func (gz) Name() string { return "gzip" }

func (gz) Encode(p []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(p)
	w.Close()
	return buf.Bytes()
}

func init() { codec.Register(gz{}) }
