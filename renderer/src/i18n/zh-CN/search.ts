/** Search boxes: how an ID-number match is shown on the masked ID. */
export const searchZh = {
  'search.idMatch.tail': '身份证号后 {count} 位相符',
  'search.idMatch.prefix': '身份证号前 {count} 位相符',
};
