import Control.Concurrent
import Control.Monad

main :: IO ()
main = do
  results <- forM [1 .. 4] $ \i -> do
    box <- newEmptyMVar
    _ <- forkIO (putMVar box (i :: Int))
    return box
  parts <- mapM takeMVar results
  print (sum parts)
