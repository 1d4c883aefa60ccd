// Facts as Python objects: the dicts of Engine.extract and the rows of Engine._rows.
//
// Extraction builds these for every fact while holding the GIL, so the cost of building them is
// the cost of a Python thread over the engine's own work. The keys are made and interned once per
// engine (a dict then hashes none of them again), and each value goes straight through the C API.
#ifndef GLEAN_PYTHON_FACT_OBJECTS_H_
#define GLEAN_PYTHON_FACT_OBJECTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pybind11/pybind11.h>

#include "glean/fact.h"
#include "glean/fact_table.h"
#include "glean/value.h"

namespace glean::python {

// The str objects of one input's facts by their text: the names, units and headings that many
// facts share are decoded once and shared. The views point into the facts, which must outlive it.
using TextCache = std::unordered_map<std::string_view, pybind11::object>;

// REQUIRES: the GIL, for every member including construction and destruction.
class FactObjects {
 public:
  FactObjects();

  // The fact as a dict with the keys of its JSON line, in their order and with their presence
  // (output.h). `doc` is the value of its "doc" key.
  pybind11::dict Fact(const glean::Fact& fact, const pybind11::object& doc,
                      TextCache* shared) const;

  // A table row's cells as a list whose first cell is `doc`.
  pybind11::list Row(const std::vector<Cell>& cells, const pybind11::object& doc) const;

  // An int when the value is whole, else a decimal.Decimal of its exact digits: a float would
  // turn 0.725 into 0.72499999999999997.
  pybind11::object Number(const Decimal& value) const;

 private:
  pybind11::dict Field(const glean::Field& field, TextCache* shared) const;
  // A field's name as a dict key: interned, and kept for the next fact with the field.
  const pybind11::str& FieldKey(const std::string& name) const;

  pybind11::object decimal_;
  // Interned keys of a fact's dict and of a field's.
  pybind11::str doc_, rule_, fact_, text_, start_, end_, line_, column_, fields_, section_, period_,
      status_, excepted_, sentence_;
  pybind11::str value_, unit_, approx_, min_, max_, canonical_, raw_;
  // Bounded by the field names of the rule set. Mutable under the GIL, which every call holds.
  mutable std::unordered_map<std::string, pybind11::str> field_keys_;
};

}  // namespace glean::python

#endif  // GLEAN_PYTHON_FACT_OBJECTS_H_
