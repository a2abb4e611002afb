// shape: test code reading without the lock — a test's fake notifier records
// sent messages under its mutex (the code under test calls it from a retry
// goroutine), but the test's waitFor helper reads f.sent without the lock.
package main

import (
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

type Notifier interface {
	Notify(user, msg string) error
}

type fakeNotifier struct {
	mu   sync.Mutex
	sent map[string][]string
}

func newFakeNotifier() *fakeNotifier {
	return &fakeNotifier{sent: map[string][]string{}}
}

func (f *fakeNotifier) Notify(user, msg string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent[user] = append(f.sent[user], msg)
	return nil
}

// AlertManager sends alerts in the background with retries.
type AlertManager struct {
	n       Notifier
	pending chan alert
	done    chan struct{}
}

type alert struct {
	user string
	text string
}

func NewAlertManager(n Notifier) *AlertManager {
	m := &AlertManager{n: n, pending: make(chan alert, 16), done: make(chan struct{})}
	go m.loop()
	return m
}

func (m *AlertManager) loop() {
	defer close(m.done)
	for a := range m.pending {
		for try := 0; try < 3; try++ {
			if m.n.Notify(a.user, a.text) == nil {
				break
			}
		}
	}
}

func (m *AlertManager) Send(user, text string) { m.pending <- alert{user, text} }
func (m *AlertManager) Close()                 { close(m.pending); <-m.done }

type testingT struct{ failed bool }

func (t *testingT) Fatal(string) { t.failed = true }

func waitFor(t *testingT, f *fakeNotifier, users int) {
	deadline := time.Now().Add(20 * time.Second)
	for len(f.sent) < users { // want MG005|MG003
		if time.Now().After(deadline) {
			t.Fatal("notifications not delivered")
			return
		}
		runtime.Gosched()
	}
}

func TestAlertsDelivered(t *testingT) {
	f := newFakeNotifier()
	m := NewAlertManager(f)
	const users = 300
	go func() {
		for i := 0; i < users; i++ {
			m.Send("user-"+strconv.Itoa(i), "disk almost full")
		}
		m.Close()
	}()
	waitFor(t, f, users)
}

func main() {
	t := &testingT{}
	TestAlertsDelivered(t)
	if t.failed {
		os.Exit(1)
	}
}
