"""Module code: the module's own code object runs before the entry call (spec/modules.md#module-code)."""
M = ['module']
NAME_OPS = ['op-STORE_NAME', 'op-LOAD_NAME']
FIX = [
dict(path='vm/module/tables', desc='Module-level list, dict and computed constant built with STORE_NAME/LOAD_NAME; main reads them with LOAD_GLOBAL',
     spec=['module-code', 'globals-lookup'] + NAME_OPS, tags=M + ['containers'], module=True,
     src='''
SIZE = 4
SQUARES = [i * i for i in range(SIZE)]
LOOKUP = {name: len(name) for name in ("a", "bb", "ccc")}
TOTAL = sum(SQUARES) + LOOKUP["bb"]

def main():
    return SQUARES, LOOKUP, TOTAL
''', entry='main()'),
dict(path='vm/module/hot-loop', desc='A loop at module level runs 300 iterations of STORE_NAME/LOAD_NAME and its back edge, before the entry call',
     spec=['module-code', 'op-JUMP_BACKWARD'] + NAME_OPS, tags=M + ['control-flow'], module=True,
     src='''
acc = 0
for i in range(300):
    if i % 3:
        acc += i
    else:
        acc -= 1

def main():
    return acc, i
''', entry='main()'),
dict(path='vm/module/delete-name', desc='del at module level unbinds a name (DELETE_NAME); main then fails to find it with NameError',
     spec=['module-code', 'op-DELETE_NAME'] + NAME_OPS, tags=M + ['exceptions'], module=True,
     src='''
tmp = [1, 2, 3]
kept = tmp[:]
del tmp

def main():
    return kept, tmp
''', entry='main()'),
dict(path='vm/module/delete-unbound', desc='del of a name the module never bound: NameError escapes the module code, and the entry call never runs',
     spec=['module-code', 'op-DELETE_NAME', 'op-STORE_NAME'], tags=M + ['exceptions', 'output'], module=True,
     src='''
print("before")
x = 1
del x
del x

def main():
    return "unreachable"
''', entry='main()'),
dict(path='vm/module/load-name-missing', desc='LOAD_NAME of a name neither the module, the globals nor the builtins hold: NameError from the module code',
     spec=['module-code'] + NAME_OPS, tags=M + ['exceptions'], module=True,
     src='''
a = 1
b = a + undefined_name

def main():
    return b
''', entry='main()'),
dict(path='vm/module/builtins-and-print', desc='LOAD_NAME falls back to the builtins (print, len, sorted); the module prints before main does',
     spec=['module-code', 'globals-lookup'] + NAME_OPS, tags=M + ['output', 'builtins'], module=True,
     src='''
WORDS = sorted(["pear", "fig", "apple"])
print("module:", len(WORDS), WORDS[0])

def main():
    print("main:", WORDS[-1])
    return len(WORDS)
''', entry='main()'),
dict(path='vm/module/main-guard', desc="__name__ is bound while the module runs and is not '__main__': the guarded block does not run",
     spec=['module-code'] + NAME_OPS, tags=M + ['control-flow'], module=True,
     src='''
RAN = []
if __name__ == "__main__":
    RAN.append("main block")
else:
    RAN.append(__name__)

def main():
    return RAN
''', entry='main()'),
dict(path='vm/module/global-rebind', desc='A function with a global statement rebinds a module name that module code bound with STORE_NAME; module code after the call sees the new value',
     spec=['module-code', 'op-STORE_GLOBAL', 'globals-lookup'] + NAME_OPS, tags=M + ['calls'], module=True,
     src='''
count = 10

def bump(k):
    global count
    count += k
    return count

bump(5)
snapshot = count

def main():
    return snapshot, bump(1), count
''', entry='main()'),
dict(path='vm/module/try-except', desc='A module-level try/except handles a KeyError from a dict lookup and binds a fallback',
     spec=['module-code', 'exception-table'] + NAME_OPS, tags=M + ['exceptions'], module=True,
     src='''
CONFIG = {"depth": 3}
try:
    width = CONFIG["width"]
except KeyError as e:
    width = len(str(e)) * 2

def main():
    return width, CONFIG
''', entry='main()'),
dict(path='vm/module/defaults-from-module', desc='A top-level function whose default is a module-level list: MAKE_FUNCTION with SET_FUNCTION_ATTRIBUTE in the module code, the default shared across calls',
     spec=['module-code', 'op-SET_FUNCTION_ATTRIBUTE', 'call-defaults'] + NAME_OPS, tags=M + ['calls'], module=True,
     src='''
SEEN = []

def record(x, into=SEEN):
    into.append(x)
    return len(into)

record(1)

def main():
    return record(2), record(3, []), SEEN
''', entry='main()'),
dict(path='vm/module/entry-rebound', desc='The module binds main twice; the entry calls the second binding',
     spec=['module-code'] + NAME_OPS, tags=M + ['calls'], module=True,
     src='''
def main():
    return "first"

first = main

def main():
    return "second", first()
''', entry='main()'),
]
