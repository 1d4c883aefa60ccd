# Finds glean's dependencies, all from Debian packages. A missing one stops configuration with the
# package to install; `tools/install-deps` installs them all.

function(glean_missing what package)
  message(FATAL_ERROR "glean needs ${what}, which was not found. "
                      "Install it with: sudo apt-get install ${package} "
                      "(or run tools/install-deps, which installs everything).")
endfunction()

find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
  glean_missing("pkg-config" "pkg-config")
endif()

pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
if(NOT RE2_FOUND)
  glean_missing("RE2" "libre2-dev")
endif()

pkg_check_modules(HYPERSCAN QUIET IMPORTED_TARGET libhs)
if(NOT HYPERSCAN_FOUND)
  glean_missing("Hyperscan" "libhyperscan-dev")
endif()

find_package(ICU 70 QUIET COMPONENTS uc i18n data)
if(NOT ICU_FOUND)
  glean_missing("ICU" "libicu-dev")
endif()

find_package(yaml-cpp QUIET)
if(NOT yaml-cpp_FOUND)
  glean_missing("yaml-cpp" "libyaml-cpp-dev")
endif()

find_package(fmt QUIET)
if(NOT fmt_FOUND)
  glean_missing("fmt" "libfmt-dev")
endif()

find_package(nlohmann_json 3.10 QUIET)
if(NOT nlohmann_json_FOUND)
  glean_missing("nlohmann-json" "nlohmann-json3-dev")
endif()

find_package(CLI11 QUIET)
if(NOT CLI11_FOUND)
  glean_missing("CLI11" "libcli11-dev")
endif()

find_package(TBB QUIET)
if(NOT TBB_FOUND)
  glean_missing("oneTBB" "libtbb-dev")
endif()

find_package(mimalloc 2.0 QUIET)
if(NOT mimalloc_FOUND)
  glean_missing("mimalloc" "libmimalloc-dev")
endif()

pkg_check_modules(SQLITE3 QUIET IMPORTED_TARGET sqlite3)
if(NOT SQLITE3_FOUND)
  glean_missing("SQLite" "libsqlite3-dev")
endif()

pkg_check_modules(XLSXWRITER QUIET IMPORTED_TARGET xlsxwriter)
if(NOT XLSXWRITER_FOUND)
  glean_missing("libxlsxwriter" "libxlsxwriter-dev")
endif()

pkg_check_modules(XXHASH QUIET IMPORTED_TARGET libxxhash)
if(NOT XXHASH_FOUND)
  glean_missing("xxHash" "libxxhash-dev")
endif()

find_package(Threads REQUIRED)

if(GLEAN_TESTS)
  find_package(doctest QUIET)
  if(NOT doctest_FOUND)
    glean_missing("doctest" "doctest-dev")
  endif()
endif()
