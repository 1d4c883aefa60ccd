#include "fact_objects.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace py = pybind11;

namespace glean::python {
namespace {

// A new reference, or the pending Python error thrown.
py::object Checked(PyObject* object) {
  if (object == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(object);
}

py::str Key(const char* name) {
  return py::reinterpret_steal<py::str>(Checked(PyUnicode_InternFromString(name)).release());
}

py::object Text(std::string_view text) {
  return Checked(PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size())));
}

// The text as a str, the same object for the same text within one input.
const py::object& SharedText(std::string_view text, TextCache* shared) {
  auto [it, added] = shared->try_emplace(text);
  if (added) it->second = Text(text);
  return it->second;
}

// A dict with room for `size` keys: growing a fact's dict as its keys come would rebuild it
// twice.
py::dict DictOf(size_t size) {
  return py::reinterpret_steal<py::dict>(
      Checked(_PyDict_NewPresized(static_cast<Py_ssize_t>(size))).release());
}

void Set(const py::dict& dict, const py::str& key, const py::object& value) {
  if (PyDict_SetItem(dict.ptr(), key.ptr(), value.ptr()) != 0) throw py::error_already_set();
}

// A list of `size` items, each set once by SetItem: no append, no resizing.
py::list ListOf(size_t size) {
  return py::reinterpret_steal<py::list>(
      Checked(PyList_New(static_cast<Py_ssize_t>(size))).release());
}

void SetItem(const py::list& list, size_t index, py::object item) {
  PyList_SET_ITEM(list.ptr(), static_cast<Py_ssize_t>(index), item.release().ptr());
}

}  // namespace

FactObjects::FactObjects()
    : decimal_(py::module_::import("decimal").attr("Decimal")),
      doc_(Key("doc")),
      rule_(Key("rule")),
      fact_(Key("fact")),
      text_(Key("text")),
      start_(Key("start")),
      end_(Key("end")),
      line_(Key("line")),
      column_(Key("column")),
      fields_(Key("fields")),
      section_(Key("section")),
      period_(Key("period")),
      status_(Key("status")),
      excepted_(Key("excepted")),
      sentence_(Key("sentence")),
      value_(Key("value")),
      unit_(Key("unit")),
      approx_(Key("approx")),
      min_(Key("min")),
      max_(Key("max")),
      canonical_(Key("canonical")),
      raw_(Key("raw")) {}

py::object FactObjects::Number(const Decimal& value) const {
  if (value.scale() == 0) return Checked(PyLong_FromLongLong(value.mantissa()));
  char digits[Decimal::kMaxChars + 1];
  char* end = value.Write(digits);
  *end = '\0';
  if (value.IsInteger()) return Checked(PyLong_FromString(digits, nullptr, 10));
  return decimal_(Text(std::string_view(digits, static_cast<size_t>(end - digits))));
}

const py::str& FactObjects::FieldKey(const std::string& name) const {
  auto [it, added] = field_keys_.try_emplace(name);
  if (added) it->second = Key(name.c_str());
  return it->second;
}

py::dict FactObjects::Field(const glean::Field& field, TextCache* shared) const {
  py::dict object = DictOf(7);
  if (const Decimal* number = std::get_if<Decimal>(&field.value)) {
    Set(object, value_, Number(*number));
  } else if (const std::string* text = std::get_if<std::string>(&field.value)) {
    Set(object, value_, Text(*text));
  } else {
    Set(object, value_, py::none());
  }
  if (!field.unit.empty()) Set(object, unit_, SharedText(field.unit, shared));
  if (field.approx != Approx::kExact) Set(object, approx_, Text(ApproxName(field.approx)));
  if (field.min) Set(object, min_, Number(*field.min));
  if (field.max) Set(object, max_, Number(*field.max));
  if (field.canonical) {
    py::dict canonical;
    Set(canonical, value_, Number(field.canonical->value));
    Set(canonical, unit_, SharedText(field.canonical->unit, shared));
    Set(object, canonical_, canonical);
  }
  Set(object, raw_, Text(field.raw));
  return object;
}

py::dict FactObjects::Fact(const glean::Fact& fact, const py::object& doc,
                           TextCache* shared) const {
  py::dict object = DictOf(13);
  Set(object, doc_, doc);
  Set(object, rule_, SharedText(fact.rule, shared));
  Set(object, fact_, SharedText(fact.fact, shared));
  Set(object, text_, Text(fact.text));
  Set(object, start_, Checked(PyLong_FromUnsignedLongLong(fact.start)));
  Set(object, end_, Checked(PyLong_FromUnsignedLongLong(fact.end)));
  Set(object, line_, Checked(PyLong_FromLong(fact.line)));
  Set(object, column_, Checked(PyLong_FromLong(fact.column)));
  py::dict fields = DictOf(fact.fields.size());
  for (const glean::Field& field : fact.fields) {
    Set(fields, FieldKey(field.name), Field(field, shared));
  }
  Set(object, fields_, fields);
  py::list section = ListOf(fact.section.size());
  for (size_t i = 0; i < fact.section.size(); ++i)
    SetItem(section, i, SharedText(fact.section[i], shared));
  Set(object, section_, section);
  if (fact.period.known()) Set(object, period_, Text(fact.period.ToString()));
  Set(object, status_, SharedText(FigureStatusName(fact.status), shared));
  if (fact.excepted != glean::FigureExcept::kNone) {
    Set(object, excepted_, SharedText(FigureExceptName(fact.excepted), shared));
  }
  if (!fact.sentence.empty()) Set(object, sentence_, Text(fact.sentence));
  return object;
}

py::list FactObjects::Row(const std::vector<Cell>& cells, const py::object& doc) const {
  py::list row = ListOf(std::max<size_t>(cells.size(), 1));
  SetItem(row, 0, doc);
  for (size_t i = 1; i < cells.size(); ++i) {
    if (const std::string* text = std::get_if<std::string>(&cells[i])) {
      SetItem(row, i, Text(*text));
    } else if (const Decimal* number = std::get_if<Decimal>(&cells[i])) {
      SetItem(row, i, Number(*number));
    } else {
      SetItem(row, i, py::none());
    }
  }
  return row;
}

}  // namespace glean::python
