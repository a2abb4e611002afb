/* fuzz.h - shared bits of the libFuzzer harnesses (tests/fuzz/fuzz_*.c)
 *
 * Each harness defines LLVMFuzzerTestOneInput().  Built with clang
 * -fsanitize=fuzzer,address,undefined by `make fuzz`; built with the normal
 * compiler and replay.c as a plain main() by `make` (bin/fuzz/replay-*), so
 * tests/build-fuzz.bats replays tests/fuzz/regress/ on every build.
 */
#ifndef MG_FUZZ_H
#define MG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Splits data at "\n//@@\n" into at most max parts; returns how many. */
size_t fuzz_split(const uint8_t *data, size_t size, const char **part,
		  size_t *len, size_t max);

#endif
