// shape: multi-package, alias escapes the lock - PriceSummary ranges the map
// that catalog.Items returned, with no lock, on the reporting goroutine.
package report

import "example.com/catalog/catalog"

type Summary struct {
	Count      int
	TotalCents int64
	MaxSKU     string
}

func PriceSummary(c *catalog.Catalog) Summary {
	var s Summary
	var max int64
	for sku, p := range c.Items() { // want MG003|MG005
		s.Count++
		s.TotalCents += p.Cents
		if p.Cents > max {
			max, s.MaxSKU = p.Cents, sku
		}
	}
	return s
}
