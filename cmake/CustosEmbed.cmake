# custos_embed(OUT_VAR NAMESPACE SYMBOL FILE): generates a .cc defining
#   std::string_view NAMESPACE::SYMBOL() returning FILE's bytes,
# so reference data (gazetteers, name lists, categories) ships inside the binary.
function(custos_embed out_var ns symbol file)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embed_${symbol}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DNS=${ns} -DSYM=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding ${file}")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
