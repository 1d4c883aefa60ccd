// glean._glean: the engine for Python. Rule sets and engines are the library's own objects;
// facts cross into Python as plain dicts with the keys of a JSON Lines fact, built once the
// engine is done, so the GIL is held only for that and threads extract in parallel.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "fact_objects.h"
#include "glean/engine.h"
#include "glean/fact_table.h"
#include "glean/input_files.h"
#include "glean/rule_set.h"

namespace py = pybind11;

namespace glean::python {
namespace {

constexpr char kDocumentRule[] = "builtin.document";
constexpr size_t kStreamBlockBytes = size_t{1} << 20;  // what a file read in parts is read by

// The Python classes errors are made of, looked up once per call (import is a dictionary lookup
// once the module is loaded).
struct PythonTypes {
  py::object errors = py::module_::import("glean._errors");
};

// A path or a file name as the engine takes it: the bytes the file system knows it by.
std::string FsBytes(const py::handle& path) {
  return py::module_::import("os").attr("fsencode")(path).cast<std::string>();
}

// Bytes from the file system (a path, a diagnostic's file) as Python shows them: undecodable
// bytes are kept as surrogates, as os.fsdecode does.
py::str FsText(const std::string& bytes) {
  return py::reinterpret_steal<py::str>(
      PyUnicode_DecodeFSDefaultAndSize(bytes.data(), static_cast<Py_ssize_t>(bytes.size())));
}

// One path, or a list of them: a str, bytes or os.PathLike counts as one.
std::vector<std::string> PathList(const py::handle& paths) {
  if (py::isinstance<py::str>(paths) || py::isinstance<py::bytes>(paths) ||
      py::hasattr(paths, "__fspath__")) {
    return {FsBytes(paths)};
  }
  std::vector<std::string> list;
  for (const py::handle item : paths) list.push_back(FsBytes(item));
  return list;
}

py::list DiagnosticList(const Diagnostics& diagnostics, const PythonTypes& types) {
  py::object make = types.errors.attr("Diagnostic");
  py::list list;
  for (const Diagnostic& diagnostic : diagnostics) {
    list.append(make(FsText(diagnostic.location.file), diagnostic.location.line,
                     diagnostic.location.column,
                     diagnostic.severity == Severity::kError ? "error" : "warning", diagnostic.code,
                     diagnostic.message, diagnostic.rule_id, FsText(diagnostic.ToString())));
  }
  return list;
}

// Raises the Python exception `type` (RuleError, InputError) carrying `diagnostics`.
[[noreturn]] void Raise(const char* type, const Diagnostics& diagnostics) {
  const PythonTypes types;
  py::object error_type = types.errors.attr(type);
  py::object error = error_type(DiagnosticList(diagnostics, types));
  PyErr_SetObject(error_type.ptr(), error.ptr());
  throw py::error_already_set();
}

// Each warning as a Python warning of the category `type`, so callers filter them as usual.
void Warn(const char* type, const Diagnostics& diagnostics) {
  const PythonTypes types;
  py::object category = types.errors.attr(type);
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity != Severity::kWarning) continue;
    if (PyErr_WarnEx(category.ptr(), diagnostic.ToString().c_str(), 2) != 0) {
      throw py::error_already_set();
    }
  }
}

// A rule set with the warnings its loading gave.
struct LoadedRules {
  RuleSet rules;
  Diagnostics warnings;
};

LoadedRules CheckedRules(Result<RuleSet> loaded) {
  if (!loaded.ok()) Raise("RuleError", loaded.diagnostics());
  return {std::move(loaded).value(), std::move(loaded.diagnostics())};
}

LoadedRules LoadRules(const py::handle& paths) {
  const std::vector<std::string> list = PathList(paths);
  std::optional<Result<RuleSet>> loaded;
  {
    py::gil_scoped_release unlocked;  // compiling a large rule set takes a while
    loaded.emplace(RuleSet::Load(list));
  }
  return CheckedRules(std::move(*loaded));
}

// What one input gave, made without the GIL.
struct Extraction {
  std::vector<Fact> facts;
  Diagnostics diagnostics;
  int error_number = 0;  // errno of a file that could not be read
};

void ExtractBytes(const Engine& engine, const std::string& name, std::string bytes,
                  Extraction* out) {
  Result<std::vector<Fact>> facts = engine.Extract(name, std::move(bytes));
  out->diagnostics = std::move(facts.diagnostics());
  if (facts.ok()) out->facts = std::move(facts).value();
}

// read(2) retried when interrupted; -1 with errno set on an error.
ssize_t ReadSome(int fd, char* into, size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd, into, size);
    if (got >= 0 || errno != EINTR) return got;
  }
}

// The rest of the file, read into a buffer sized from `stated_size` (one byte more, so that the
// read that finds its end needs no larger buffer); it grows only for a file that grows or states
// no size. Returns errno, or 0.
int ReadWhole(int fd, size_t stated_size, std::string* bytes) {
  bytes->resize(stated_size > 0 ? stated_size + 1 : size_t{1} << 16);
  size_t filled = 0;
  for (;;) {
    if (filled == bytes->size()) bytes->resize(bytes->size() * 2);
    const ssize_t got = ReadSome(fd, bytes->data() + filled, bytes->size() - filled);
    if (got < 0) return errno;
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  bytes->resize(filled);
  return 0;
}

// Reads the file as extract does: one larger than a part is extracted part by part, so its facts
// are those the command line gives for it.
void ExtractFile(const Engine& engine, const std::string& path, const std::string& name,
                 Extraction* out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat info {};
  if (fd < 0 || ::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    out->error_number = fd < 0 || !S_ISDIR(info.st_mode) ? errno : EISDIR;
    if (fd >= 0) ::close(fd);
    return;
  }
  const size_t stated_size = S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) : 0;
  if (stated_size <= FactStream::kDefaultPartBytes) {
    std::string bytes;
    out->error_number = ReadWhole(fd, stated_size, &bytes);
    ::close(fd);
    if (out->error_number == 0) ExtractBytes(engine, name, std::move(bytes), out);
    return;
  }
  FactStream stream(engine, name, [out](const Fact& fact) { out->facts.push_back(fact); });
  // Not a std::string: zeroing a megabyte for each file cost more than reading most reports.
  const std::unique_ptr<char[]> block(new char[kStreamBlockBytes]);
  for (;;) {
    const ssize_t got = ReadSome(fd, block.get(), kStreamBlockBytes);
    if (got < 0) out->error_number = errno;
    if (got <= 0) break;
    Diagnostics diagnostics = stream.Feed(std::string_view(block.get(), static_cast<size_t>(got)));
    out->diagnostics.insert(out->diagnostics.end(), diagnostics.begin(), diagnostics.end());
    if (HasErrors(diagnostics)) break;
  }
  ::close(fd);
  if (out->error_number != 0 || HasErrors(out->diagnostics)) return;
  Diagnostics diagnostics = stream.Finish();
  out->diagnostics.insert(out->diagnostics.end(), diagnostics.begin(), diagnostics.end());
}

// An engine over a rule set, with the table its facts fill as rows.
class PyEngine {
 public:
  PyEngine(const LoadedRules& rules, bool figures, bool document, const py::object& context,
           const std::string& encoding)
      : rules_(rules), table_(rules.rules, figures) {
    ExtractOptions options;
    if (!ParseEncoding(encoding, &options.encoding)) {
      throw py::value_error("unknown encoding '" + encoding +
                            "' (use auto, utf-8, utf-16le, utf-16be or gb18030)");
    }
    if (!context.is_none() && context.cast<std::string>() != "sentence") {
      throw py::value_error("unknown context '" + context.cast<std::string>() +
                            "' (use 'sentence' or None)");
    }
    options.document_fact = document;
    options.sentence = !context.is_none();
    options.figures = figures;
    Result<Engine> engine = Engine::Create(rules.rules, options);
    if (!engine.ok()) Raise("RuleError", engine.diagnostics());
    engine_.emplace(std::move(engine).value());
  }

  py::list Extract(const py::object& source, const py::object& name) const {
    py::object doc;
    const Extraction extraction = Run(source, name, &doc);
    py::list facts(extraction.facts.size());
    TextCache shared;
    for (size_t i = 0; i < extraction.facts.size(); ++i) {
      facts[i] = objects_.Fact(extraction.facts[i], doc, &shared);
    }
    return facts;
  }

  // The facts as rows of the table's columns; the document fact fills its columns in every row.
  py::list Rows(const py::object& source, const py::object& name) const {
    py::object doc;
    const Extraction extraction = Run(source, name, &doc);
    DocumentRecord record;
    for (const Fact& fact : extraction.facts) {
      if (fact.rule == kDocumentRule) FillDocumentRecord(fact, &record);
    }
    py::list rows;
    std::vector<Cell> cells;
    for (const Fact& fact : extraction.facts) {
      if (fact.rule == kDocumentRule) continue;
      table_.Row(fact, record, &cells);
      rows.append(objects_.Row(cells, doc));
    }
    return rows;
  }

  const LoadedRules& rules() const { return rules_; }
  const FactTable& table() const { return table_; }
  const ExtractOptions& options() const { return engine_->options(); }

 private:
  // Extracts `source` (a path, or bytes) with the GIL released; raises for an input that could
  // not be read or used, warns for what is notable. Sets `doc` to the name its facts carry.
  Extraction Run(const py::object& source, const py::object& name, py::object* doc) const {
    Extraction extraction;
    const bool in_memory = py::isinstance<py::bytes>(source) ||
                           py::isinstance<py::bytearray>(source) ||
                           py::isinstance<py::memoryview>(source);
    if (in_memory) {
      *doc = name.is_none() ? py::str("-") : py::str(name);
      std::string bytes;
      if (py::isinstance<py::bytes>(source)) {
        bytes = source.cast<std::string>();
      } else {
        const py::buffer_info buffer = py::reinterpret_borrow<py::buffer>(source).request();
        if (!PyBuffer_IsContiguous(buffer.view(), 'C')) {
          throw py::value_error("the input's buffer must be contiguous");
        }
        bytes.assign(static_cast<const char*>(buffer.ptr),
                     static_cast<size_t>(buffer.size * buffer.itemsize));
      }
      const std::string doc_name = FsBytes(*doc);
      py::gil_scoped_release unlocked;
      ExtractBytes(*engine_, doc_name, std::move(bytes), &extraction);
    } else {
      *doc = name.is_none() ? py::module_::import("os").attr("fsdecode")(source) : py::str(name);
      const std::string path = FsBytes(source);
      const std::string doc_name = FsBytes(*doc);
      py::gil_scoped_release unlocked;
      ExtractFile(*engine_, path, doc_name, &extraction);
    }
    if (extraction.error_number != 0) {
      errno = extraction.error_number;
      PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, source.ptr());
      throw py::error_already_set();
    }
    if (HasErrors(extraction.diagnostics)) Raise("InputError", extraction.diagnostics);
    Warn("InputWarning", extraction.diagnostics);
    return extraction;
  }

  LoadedRules rules_;
  FactTable table_;
  std::optional<Engine> engine_;
  FactObjects objects_;
};

}  // namespace

PYBIND11_MODULE(_glean, module) {
  module.doc() = "The compiled part of glean; use the glean package.";

  py::class_<LoadedRules>(module, "RuleSet", R"(A compiled rule set.

Immutable and safe to share across threads. Made by RuleSet.load or RuleSet.from_string.)")
      .def_static("load", &LoadRules, py::arg("paths"),
                  R"(Loads every *.yaml/*.yml rule file under `paths` (a path, or a list of files
and directories, searched recursively in sorted order) and compiles them.

Raises RuleError carrying every error of every file (each a Diagnostic with file, line, column,
code and message); warnings are kept in `warnings`.)")
      .def_static(
          "from_string",
          [](const std::string& yaml, const std::string& file_name) {
            return CheckedRules(RuleSet::LoadFromString(yaml, file_name));
          },
          py::arg("yaml"), py::arg("file_name") = "<string>",
          "Compiles one rule file's text; `file_name` names it in diagnostics. Raises RuleError.")
      .def("__len__", [](const LoadedRules& loaded) { return loaded.rules.size(); })
      .def_property_readonly(
          "rule_ids",
          [](const LoadedRules& loaded) {
            std::vector<std::string> ids;
            for (const RuleInfo& rule : loaded.rules.rules()) ids.push_back(rule.id);
            return ids;
          },
          "The ids of the rules, in load order.")
      .def_property_readonly(
          "warnings",
          [](const LoadedRules& loaded) { return DiagnosticList(loaded.warnings, PythonTypes()); },
          "What loading found notable (a rule with no examples, an unused def), as Diagnostics.");

  py::class_<PyEngine>(module, "Engine", R"(Runs a rule set over documents.

Safe to use from several threads at once: extract releases the GIL while the engine works.)")
      .def(py::init<const LoadedRules&, bool, bool, const py::object&, const std::string&>(),
           py::arg("rules"), py::kw_only(), py::arg("figures") = false, py::arg("document") = true,
           py::arg("context") = py::none(), py::arg("encoding") = "auto")
      .def(py::init([](const py::object& paths, bool figures, bool document,
                       const py::object& context, const std::string& encoding) {
             return PyEngine(LoadRules(paths), figures, document, context, encoding);
           }),
           py::arg("rules"), py::kw_only(), py::arg("figures") = false, py::arg("document") = true,
           py::arg("context") = py::none(), py::arg("encoding") = "auto")
      .def("extract", &PyEngine::Extract, py::arg("source"), py::arg("name") = py::none(),
           R"(The facts of one input, in the order extract writes them.

`source` is a path (str, bytes or os.PathLike: the file is read as extract reads it) or the
input's bytes (bytes, bytearray, memoryview; decoded by `encoding`). `name` is the `doc` each fact
carries: the path as given by default, "-" for bytes.

Each fact is a dict with the keys of a JSON Lines fact, in their order: doc, rule, fact, text,
start, end, line, column, fields, section, period (only when known), status, excepted (a figure
no rule claimed that no analyst wants as data: only then), and sentence (with
context="sentence"). A field is a dict: value, then unit, approx, min, max, canonical (a dict of
value and unit) where they apply, and raw. Numbers are exact: an int when whole, a
decimal.Decimal otherwise (0.725 as a float would be 0.72499999999999997); dates and text slots
are str.

Raises OSError when the file cannot be read, InputError (with its diagnostics) when the input
cannot be used (binary, undecodable in a forced encoding); what is notable (invalid UTF-8) is an
InputWarning. The GIL is released while the engine works.)")
      .def("_rows", &PyEngine::Rows, py::arg("source"), py::arg("name") = py::none())
      .def_property_readonly("rules", &PyEngine::rules)
      .def_property_readonly("columns",
                             [](const PyEngine& engine) { return engine.table().columns(); })
      .def_property_readonly("figures",
                             [](const PyEngine& engine) { return engine.options().figures; })
      .def_property_readonly("document",
                             [](const PyEngine& engine) { return engine.options().document_fact; })
      .def_property_readonly("context",
                             [](const PyEngine& engine) -> py::object {
                               if (!engine.options().sentence) return py::none();
                               return py::str("sentence");
                             })
      .def_property_readonly("encoding", [](const PyEngine& engine) {
        return EncodingName(engine.options().encoding);
      });

  module.def(
      "list_inputs",
      [](const py::object& paths) {
        const std::vector<std::string> inputs = PathList(paths);
        Diagnostics problems;
        std::vector<std::string> files;
        {
          py::gil_scoped_release unlocked;
          files = ListInputFiles(inputs, &problems);
        }
        if (HasErrors(problems)) Raise("InputError", problems);
        Warn("InputWarning", problems);
        py::list list;
        for (const std::string& file : files) list.append(FsText(file));
        return list;
      },
      py::arg("paths"),
      R"(The input files of `paths` as extract lists them: each directory replaced by its *.txt
files (recursively, sorted), anything else as given. Raises InputError when a folder cannot be
read or holds no *.txt file; a skipped entry is an InputWarning.)");
}

}  // namespace glean::python
