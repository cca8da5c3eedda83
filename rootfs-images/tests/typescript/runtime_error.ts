const values: number[] | null = JSON.parse("null");
console.log(values!.length);
