# Turns data files (the standards catalog, migration maps, rule docs) into one C
# source so the rtlint binary is self-contained wherever a hook installs it.
# Usage: cmake -DOUT=file.c -DROOT=dir -DLIST=files.txt -P embed.cmake
file(READ "${LIST}" FILES)
set(body "#include \"core/embedded.h\"\n#include <stddef.h>\n\n")
set(table "const EmbeddedFile embedded_files[] = {\n")
set(i 0)
foreach(rel IN LISTS FILES)
  file(READ "${ROOT}/${rel}" hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR size "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND body "static const unsigned char file_${i}[] = {${bytes}0x00};\n")
  string(APPEND table "  {\"${rel}\", (const char *)file_${i}, ${size}},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND table "  {NULL, NULL, 0},\n};\n")
file(WRITE "${OUT}.tmp" "${body}\n${table}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
