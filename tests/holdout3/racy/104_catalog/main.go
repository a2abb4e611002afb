// shape: multi-package, alias escapes the lock - the importer goroutine puts
// and removes products while the dashboard goroutine builds price summaries
// from the map catalog.Items hands out.
package main

import (
	"strconv"
	"sync"
	"time"

	"example.com/catalog/catalog"
	"example.com/catalog/report"
)

func importFeed(c *catalog.Catalog, d time.Duration) {
	deadline := time.Now().Add(d)
	for i := 0; time.Now().Before(deadline); i++ {
		sku := "sku-" + strconv.Itoa(i%40)
		if i%3 == 2 {
			c.Remove(sku)
			continue
		}
		c.Put(catalog.Product{SKU: sku, Name: "item " + sku, Cents: int64(100 * (i % 9))})
	}
}

func dashboard(c *catalog.Catalog, d time.Duration) int64 {
	var total int64
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		total += report.PriceSummary(c).TotalCents
	}
	return total
}

func main() {
	c := catalog.New()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); importFeed(c, 150*time.Millisecond) }()
	go func() { defer wg.Done(); dashboard(c, 150*time.Millisecond) }()
	wg.Wait()
}
