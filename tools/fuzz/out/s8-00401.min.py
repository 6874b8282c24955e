# optcert: id=fuzz.s8-00401-min
# optcert: call=main()
# optcert: description=Differential fuzzer program, seed 8 index 401 (tools/fuzz/fuzz.py), minimized
# optcert: spec=call-python
def main():
    v23 = len(str(sorted([-4085, -9, 6][1:], kee=abs)))
