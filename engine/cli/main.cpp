// nnplay: the native runner.
//   nnplay run [--weights] SPEC.json   train, print JSON lines (docs/spec.md)
//   nnplay data SPEC.json              print the dataset as CSV
// SPEC.json may be "-" for stdin. Exit status: 0 ok, 2 bad spec (message on stderr), 1 other failure.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "../error.h"
#include "../report.h"

namespace {

constexpr const char* kUsage =
    "usage: nnplay run [--weights] SPEC.json\n"
    "       nnplay data SPEC.json\n"
    "SPEC.json is an experiment spec (docs/spec.md); '-' reads it from stdin.\n";

std::string read_all(std::istream& in) {
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The spec, with a csv data.path read into data.text (relative to the spec file's folder).
nnplay::Spec load_spec(const std::string& file) {
  std::string text, folder;
  if (file == "-") {
    text = read_all(std::cin);
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the spec file \"" + file + "\"");
    text = read_all(in);
    const auto slash = file.find_last_of('/');
    if (slash != std::string::npos) folder = file.substr(0, slash + 1);
  }
  nnplay::Spec spec = nnplay::parse_spec(text);
  if (!spec.data.path.empty()) {
    const std::string path = spec.data.path[0] == '/' ? spec.data.path : folder + spec.data.path;
    std::ifstream csv(path, std::ios::binary);
    if (!csv) throw nnplay::SpecError("spec error at data.path: cannot read the CSV file \"" + path + "\"");
    spec.data.text = read_all(csv);
  }
  return spec;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
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
      std::cout << nnplay::dataset_csv(experiment.data());
    } else {
      nnplay::run_experiment(experiment, weights, [](const std::string& line) { std::cout << line << '\n' << std::flush; });
    }
    return 0;
  } catch (const nnplay::SpecError& e) {
    std::cerr << "nnplay: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "nnplay: " << e.what() << '\n';
    return 1;
  }
}
