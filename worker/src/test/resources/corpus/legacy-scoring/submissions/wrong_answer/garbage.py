print('about', int(input()))
