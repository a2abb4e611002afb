// shape: closure parameter run in goroutines by a callee in another package (main package; the closure and its write are here, the map type in report/report.go, the goroutines in workpool/workpool.go)
// A fleet checker: workpool.Each runs the check closure on four workers; the
// closure counts healthy hosts per zone in the summary's plain map.
package main

import (
	"strconv"

	"example.com/workpool/report"
	"example.com/workpool/workpool"
)

type fleet struct {
	hosts []string
}

func (f *fleet) check(i int) report.Result {
	h := f.hosts[i]
	return report.Result{Host: h, Healthy: i%7 != 0, Latency: i % 40}
}

func buildFleet(n int) *fleet {
	zones := []string{"eu-west", "us-east", "ap-south"}
	f := &fleet{}
	for i := 0; i < n; i++ {
		f.hosts = append(f.hosts, "web-"+strconv.Itoa(i)+"."+zones[i%len(zones)]+".internal")
	}
	return f
}

func main() {
	f := buildFleet(4000)
	sum := report.NewSummary()
	workpool.Each(len(f.hosts), 4, func(i int) {
		r := f.check(i)
		if r.Healthy {
			sum.ByZone[report.Zone(r.Host)]++ // want MG001|MG004
		}
	})
	println(len(sum.Lines()))
}
