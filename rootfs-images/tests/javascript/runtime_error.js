const values = null;
console.log(values.length);
