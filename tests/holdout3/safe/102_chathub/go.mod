module example.com/chathub

go 1.19
