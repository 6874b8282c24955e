# optcert: id=fuzz.s8-00200-min
# optcert: call=main('nan')
# optcert: description=Differential fuzzer program, seed 8 index 200 (tools/fuzz/fuzz.py), minimized
# optcert: spec=call-python
def main(a0):
    v15 = len(str(sorted([1000000000000000000000138, -1], kee=abs)))
