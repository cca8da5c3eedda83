#include <bits/stdc++.h>
int main(){ long long a,b; std::cin>>a>>b; std::vector<int> v(1000000); std::iota(v.begin(), v.end(), 0); std::cout<<a+b<<"\n"; }
