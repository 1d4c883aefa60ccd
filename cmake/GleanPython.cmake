# Decides whether the Python module (python/) is built: GLEAN_PYTHON ON requires Python's headers
# and pybind11, AUTO builds it when both are found, OFF never. A sanitized or fuzzing build leaves
# it out: an extension built with ASan cannot be loaded by a python that was not.
set(GLEAN_PYTHON_ENABLED OFF)
if(GLEAN_PYTHON STREQUAL "OFF" OR GLEAN_SANITIZE OR GLEAN_FUZZ)
  return()
endif()

# Debian's interpreter, whose packages (python3-pandas, python3-dask) the module's frame and Dask
# parts use; give -DPython3_EXECUTABLE=... for another.
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 3.9 QUIET COMPONENTS Interpreter Development.Module)
if(Python3_FOUND)
  find_package(pybind11 2.6 CONFIG QUIET)
endif()

if(NOT Python3_FOUND OR NOT pybind11_FOUND)
  if(GLEAN_PYTHON STREQUAL "ON")
    glean_missing("Python's headers and pybind11 for the Python module" "python3-dev pybind11-dev")
  endif()
  message(STATUS "glean: the Python module is not built (python3-dev or pybind11-dev missing)")
  return()
endif()
set(GLEAN_PYTHON_ENABLED ON)
