import threading

parts = [0] * 4


def work(i):
    parts[i] = i + 1


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(parts))
