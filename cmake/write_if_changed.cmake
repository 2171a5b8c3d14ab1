# write_if_changed(PATH TEXT): writes TEXT to PATH unless PATH already holds it, so a generated
# source keeps its time stamp and what depends on it is not rebuilt for nothing.
function(write_if_changed path text)
  if(EXISTS ${path})
    file(READ ${path} old)
    if(old STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE ${path} "${text}")
endfunction()
