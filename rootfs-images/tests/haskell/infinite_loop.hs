loop :: Int -> Int
loop n = loop (n + 1)

main :: IO ()
main = print (loop 0)
