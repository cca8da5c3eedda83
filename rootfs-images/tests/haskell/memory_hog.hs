import qualified Data.ByteString as B
import Data.IORef

main :: IO ()
main = do
  ref <- newIORef []
  let go = do
        let block = B.replicate (1024 * 1024) 1
        B.length block `seq` modifyIORef' ref (block :)
        go
  go
