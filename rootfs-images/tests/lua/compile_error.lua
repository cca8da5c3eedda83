function main(
  print("unbalanced")
end
