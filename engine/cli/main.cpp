// nnplay: the native runner.
//   nnplay run [--weights] SPEC.json   train, print JSON lines (docs/spec.md)
//   nnplay data SPEC.json              print the dataset as CSV
// SPEC.json may be "-" for stdin. Exit status: 0 ok, 2 bad spec (message on stderr), 1 other
// failure. bin/nnplay.mjs is the same runner on the WebAssembly build and answers alike.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

#include "../caps.h"
#include "../error.h"
#include "../format.h"
#include "../json_text.h"
#include "../report.h"

namespace {

constexpr const char* kUsage =
    "usage: nnplay run [--weights] SPEC.json\n"
    "       nnplay data SPEC.json\n"
    "SPEC.json is an experiment spec (docs/spec.md); '-' reads it from stdin.\n";

// The reader of stdout went away (`| head`): the runner stops quietly, status 0.
struct OutputClosed {};

// A file, or stdin for "-", read into `text` up to `cap` bytes: past it, a SpecError naming the
// cap, so memory stays within the cap whatever the file (/dev/zero). False when the file cannot
// be read (missing, a directory).
bool read_capped(const std::string& file, std::size_t cap, const std::string& what, std::string& text) {
  std::FILE* in = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
  if (!in) return false;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    if (text.size() + n > cap) {
      if (in != stdin) std::fclose(in);
      throw nnplay::SpecError(what + " larger than the cap of " + nnplay::bytes_text(cap));
    }
    text.append(buffer, n);
  }
  const bool ok = !std::ferror(in);
  if (in != stdin) std::fclose(in);
  return ok;
}

// The spec, with a csv data.path read into data.text (relative to the spec file's folder).
nnplay::Spec load_spec(const std::string& file) {
  std::string text, folder;
  if (!read_capped(file, nnplay::kMaxSpecBytes, "spec is", text))
    throw std::runtime_error("cannot read the spec file \"" + file + "\"");
  const auto slash = file.find_last_of('/');
  if (file != "-" && slash != std::string::npos) folder = file.substr(0, slash + 1);
  nnplay::Spec spec = nnplay::parse_spec(text);
  if (!spec.data.path.empty()) {
    const std::string path = spec.data.path[0] == '/' ? spec.data.path : folder + spec.data.path;
    if (!read_capped(path, nnplay::kMaxCsvBytes, "CSV: the file at data.path is", spec.data.text))
      throw nnplay::SpecError("spec error at data.path: cannot read the CSV file \"" + path + "\"");
  }
  return spec;
}

// One piece of output; a failed write ends the run: quietly when the reader is gone, else as a
// failure (a full disk, /dev/full).
void write_out(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0) return;
  if (errno == EPIPE) throw OutputClosed{};
  throw std::runtime_error("cannot write the output (stdout)");
}

int report(const std::string& message, int status) {
  std::cerr << "nnplay: " << nnplay::printable(message) << '\n';
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout is a failed write (EPIPE), not a killed process
  const std::string command = argc > 1 ? argv[1] : "";
  const bool weights = argc > 2 && std::string(argv[2]) == "--weights";
  const int file_arg = weights ? 3 : 2;
  if ((command != "run" && command != "data") || argc != file_arg + 1 || (weights && command != "run")) {
    std::cerr << kUsage;
    return 2;
  }
  try {
    nnplay::Experiment experiment(load_spec(argv[file_arg]));
    if (command == "data") {
      write_out(nnplay::dataset_csv(experiment.data()));
    } else {
      nnplay::run_experiment(experiment, weights, [](const std::string& line) { write_out(line + '\n'); });
    }
    return 0;
  } catch (const OutputClosed&) {
    return 0;
  } catch (const nnplay::SpecError& e) {
    return report(e.what(), 2);
  } catch (const std::exception& e) {
    return report(e.what(), 1);
  }
}
