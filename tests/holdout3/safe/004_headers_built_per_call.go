// shape: map made per call - outgoing webhook deliveries each build their own
// header map from the shared, read-only defaults and sign it.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

type Webhook struct {
	URL    string
	Secret string
}

type Dispatcher struct {
	defaults map[string]string
}

func NewDispatcher() *Dispatcher {
	return &Dispatcher{defaults: map[string]string{"User-Agent": "hooks/1.0", "Content-Type": "application/json"}}
}

func (d *Dispatcher) headersFor(h Webhook, body []byte) map[string]string {
	hdr := make(map[string]string, len(d.defaults)+2)
	for k, v := range d.defaults {
		hdr[k] = v
	}
	mac := hmac.New(sha256.New, []byte(h.Secret))
	mac.Write(body)
	hdr["X-Signature"] = hex.EncodeToString(mac.Sum(nil))
	return hdr
}

func canonical(hdr map[string]string) string {
	keys := make([]string, 0, len(hdr))
	for k := range hdr {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + ": " + hdr[k] + "\n")
	}
	return b.String()
}

func (d *Dispatcher) deliver(h Webhook, attempt int) string {
	body := []byte(`{"event":"push"}`)
	hdr := d.headersFor(h, body)
	hdr["X-Attempt"] = strconv.Itoa(attempt)
	delete(hdr, "User-Agent")
	return canonical(hdr)
}

func main() {
	d := NewDispatcher()
	hooks := []Webhook{{"https://a.example/hook", "s1"}, {"https://b.example/hook", "s2"}, {"https://c.example/hook", "s3"}}
	var wg sync.WaitGroup
	for _, h := range hooks {
		wg.Add(1)
		go func(h Webhook) {
			defer wg.Done()
			deadline := time.Now().Add(100 * time.Millisecond)
			for i := 0; time.Now().Before(deadline); i++ {
				d.deliver(h, i)
			}
		}(h)
	}
	wg.Wait()
}
