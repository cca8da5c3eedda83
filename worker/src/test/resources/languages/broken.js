function main( {
  console.log("a syntax error");
}
