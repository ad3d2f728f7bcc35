# Writes OUTPUT, assembly (genccode's ASSEMBLY form, default gcc) defining
# ICU's common data symbol ENTRY_dat with only the items listed in ITEMS, built
# with ICU's own tools from ICU's own full package, so each item is byte for
# byte the one the ICU libraries were built with. The full package is
# DATA_FILE, or is taken out of the static DATA_ARCHIVE (libicudata.a: one
# object whose read-only section is the package) with AR and OBJCOPY. Fails on
# any listed item the package lacks, which icupkg would skip silently.
# With LOOSE_DIR instead of ITEMS and OUTPUT, extracts every item of the full
# package into LOOSE_DIR/PACKAGE/ (what scripts/icu_data/items.sh traces).
# Usage: cmake -DITEMS=list (-DDATA_FILE=dat | -DDATA_ARCHIVE=a -DAR=.. -DOBJCOPY=..)
#   -DPACKAGE=icudt72l -DENTRY=icudt72 -DICUPKG=.. -DGENCCODE=.. [-DASSEMBLY=gcc]
#   -DWORK_DIR=dir -DOUTPUT=file.S -P trim_icu_data.cmake

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    string(REPLACE ";" " " command "${ARGN}")
    message(FATAL_ERROR "trim_icu_data: '${command}' failed (${status}):\n${out}")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/archive" "${WORK_DIR}/items" "${WORK_DIR}/trimmed")

if(NOT DATA_FILE)
  run("${AR}" x "${DATA_ARCHIVE}" WORKING_DIRECTORY "${WORK_DIR}/archive")
  file(GLOB members "${WORK_DIR}/archive/*")
  list(LENGTH members count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "trim_icu_data: expected one object in ${DATA_ARCHIVE}, found: ${members}")
  endif()
  set(DATA_FILE "${WORK_DIR}/${PACKAGE}.dat")
  run("${OBJCOPY}" -O binary --only-section=.rodata "${members}" "${DATA_FILE}")
endif()

if(LOOSE_DIR)
  file(MAKE_DIRECTORY "${LOOSE_DIR}/${PACKAGE}")
  run("${ICUPKG}" -d "${LOOSE_DIR}/${PACKAGE}" -x "*" "${DATA_FILE}")
  return()
endif()

# The list: one item a line; '#' starts a comment.
file(STRINGS "${ITEMS}" lines)
set(wanted "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "#.*" "" line "${line}")
  string(STRIP "${line}" line)
  if(line)
    list(APPEND wanted "${line}")
  endif()
endforeach()

execute_process(COMMAND "${ICUPKG}" -l "${DATA_FILE}"
  RESULT_VARIABLE status OUTPUT_VARIABLE available ERROR_VARIABLE error)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "trim_icu_data: icupkg cannot read ${DATA_FILE}:\n${error}")
endif()
string(REGEX REPLACE "\r?\n" ";" available "${available}")
set(missing "")
foreach(item IN LISTS wanted)
  if(NOT item IN_LIST available)
    list(APPEND missing "${item}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "trim_icu_data: ${ITEMS} lists items that ${DATA_FILE} lacks: ${missing}")
endif()

list(JOIN wanted "\n" listing)
file(WRITE "${WORK_DIR}/items.txt" "${listing}\n")
run("${ICUPKG}" -d "${WORK_DIR}/items" -x "${WORK_DIR}/items.txt" "${DATA_FILE}")
# icupkg names the items after the output file, which must be the package name.
set(trimmed "${WORK_DIR}/trimmed/${PACKAGE}.dat")
string(LENGTH "${PACKAGE}" length)
math(EXPR last "${length} - 1")
string(SUBSTRING "${PACKAGE}" ${last} 1 endian)  # icudt72l: l or b
# Bundles name files that quotelink never opens (brkitr/root.res names the
# line, sentence and CJK break rules beside the word rules Thai-Latin uses), so
# icupkg's dependency check would refuse the package.
run("${ICUPKG}" -t${endian} --ignore-deps -s "${WORK_DIR}/items" -a "${WORK_DIR}/items.txt"
    new "${trimmed}")

if(NOT ASSEMBLY)
  set(ASSEMBLY gcc)
endif()
run("${GENCCODE}" -q -e "${ENTRY}" -a "${ASSEMBLY}" -d "${WORK_DIR}/trimmed" "${trimmed}")
set(generated "${WORK_DIR}/trimmed/${PACKAGE}_dat.S")
file(SIZE "${trimmed}" trimmed_size)
file(SIZE "${DATA_FILE}" full_size)
list(LENGTH wanted kept)
message(STATUS "ICU data: ${kept} items, ${trimmed_size} of ${full_size} bytes")
file(COPY_FILE "${generated}" "${OUTPUT}")
