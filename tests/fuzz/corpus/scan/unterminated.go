package p
var s = `never closed
/* and "this
