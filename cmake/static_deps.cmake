# RTLINT_STATIC_DEPS (the release bundle, `make dist`): link every library
# Debian ships as a static archive (lib*.a) statically, and the others (the C
# library's own, and libgit2's Kerberos GSSAPI, which Debian ships shared
# only) dynamically; tools/dist.sh bundles those beside the binary.
#
# The list is pkg-config's --static one (libgit2.pc names libssh2 in
# Libs.private, so libssh2's own private libraries come from libssh2.pc), plus
# gssapi_krb5, which libgit2.a calls for Negotiate authentication but
# libgit2.pc does not name.
pkg_check_modules(RTLINT_DEPS REQUIRED libpcre2-8 jansson libgit2 libssh2 yaml-0.1 libxxhash)

# Parts of the C library: never linked statically into a dynamic binary.
set(RTLINT_LIBC_PARTS c m rt dl pthread resolv)

set(RTLINT_DEP_LIBS "")
set(RTLINT_DEP_SHARED "")
foreach(lib IN LISTS RTLINT_DEPS_STATIC_LIBRARIES ITEMS gssapi_krb5)
  if(lib IN_LIST RTLINT_LIBC_PARTS)
    list(APPEND RTLINT_DEP_LIBS "-l${lib}")
    continue()
  endif()
  find_library(RTLINT_STATIC_${lib} NAMES lib${lib}.a)
  if(RTLINT_STATIC_${lib})
    list(APPEND RTLINT_DEP_LIBS "${RTLINT_STATIC_${lib}}")
  else()
    # By its soname too: Debian's runtime package (here libgssapi-krb5-2, which
    # libgit2 depends on) has no lib*.so link without the -dev package.
    find_library(RTLINT_SHARED_${lib} NAMES ${lib} lib${lib}.so.2 lib${lib}.so.1 lib${lib}.so.0
                 REQUIRED)
    list(APPEND RTLINT_DEP_LIBS "${RTLINT_SHARED_${lib}}")
    list(APPEND RTLINT_DEP_SHARED "${lib}")
  endif()
endforeach()
list(REMOVE_DUPLICATES RTLINT_DEP_SHARED)
# For tools/dist.sh: the archives linked in, whose licences the bundle carries.
set(RTLINT_DEP_ARCHIVES ${RTLINT_DEP_LIBS})
list(FILTER RTLINT_DEP_ARCHIVES INCLUDE REGEX "\\.a$")
list(REMOVE_DUPLICATES RTLINT_DEP_ARCHIVES)
string(REPLACE ";" "\n" RTLINT_DEP_ARCHIVES_TEXT "${RTLINT_DEP_ARCHIVES}")
file(WRITE ${CMAKE_BINARY_DIR}/static_archives.txt "${RTLINT_DEP_ARCHIVES_TEXT}\n")
message(STATUS "rtlint: static dependencies; shared (bundled by tools/dist.sh): ${RTLINT_DEP_SHARED}")

add_library(rtlint_deps INTERFACE)
target_include_directories(rtlint_deps INTERFACE ${RTLINT_DEPS_STATIC_INCLUDE_DIRS})
target_compile_options(rtlint_deps INTERFACE ${RTLINT_DEPS_STATIC_CFLAGS_OTHER})
# Archives may refer to each other in any order: one group resolves them all.
# --as-needed: a shared library named but not used is not NEEDED, so not bundled.
target_link_libraries(rtlint_deps INTERFACE "-Wl,--as-needed" "-Wl,--start-group" ${RTLINT_DEP_LIBS}
                      "-Wl,--end-group")
