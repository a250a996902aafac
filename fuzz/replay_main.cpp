// A main() for the fuzz targets without libFuzzer: runs LLVMFuzzerTestOneInput
// once over each file named on the command line, as `<target>_fuzzer file...`
// does, so the regression corpus replays in any sanitized build (build-gcc/'s
// GCC ASan + UBSan one, part of `make test`) without compiling the runtime a
// third time with libFuzzer's coverage instrumentation. libFuzzer's flags are
// accepted; -max_len=N cuts each input to N bytes as libFuzzer does, the
// others (-timeout, -rss_limit_mb, ...) have no meaning here and are ignored.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  std::size_t max_len = static_cast<std::size_t>(-1);
  std::size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("-max_len=")) {
      max_len = std::strtoull(argv[i] + 9, nullptr, 10);
      continue;
    }
    if (arg.starts_with("-")) continue;
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[i]);
      return 2;
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() > max_len) bytes.resize(max_len);
    // libFuzzer hands the target a buffer of exactly `size` bytes; so does
    // this (a copy), so an overread past the input is an ASan report here too.
    std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    auto* data = input.empty() ? nullptr : input.data();
    LLVMFuzzerTestOneInput(data, input.size());
    ++replayed;
  }
  std::fprintf(stderr, "%s: replayed %zu inputs\n", argv[0], replayed);
  return 0;
}
