E = ['exceptions']
FIX = [
dict(path='vm/exceptions/raise-and-catch', desc='raise ValueError(msg) is caught by except ValueError as e (exception table -> PUSH_EXC_INFO, CHECK_EXC_MATCH, POP_EXCEPT)',
     spec=['exception-raise', 'exception-table', 'assembly-exception-table', 'exception-match', 'op-RAISE_VARARGS', 'op-PUSH_EXC_INFO', 'op-CHECK_EXC_MATCH', 'op-POP_EXCEPT'], tags=E,
     src='''
def main(x):
    try:
        if x < 0:
            raise ValueError('negative: ' + str(x))
        result = 'ok'
    except ValueError as e:
        result = 'caught ' + str(e)
    return result
''', entry='main(-3)'),
dict(path='vm/exceptions/no-exception-path', desc='When the try body raises nothing the handler is skipped and execution continues after it',
     spec=['exception-table', 'assembly-exception-table', 'op-NOP'], tags=E,
     src='''
def main(x):
    try:
        result = 10 // x
    except ZeroDivisionError:
        result = 'div0'
    return result
''', entry='main(3)'),
dict(path='vm/exceptions/catch-by-base-type', desc='Handlers match subclasses: ZeroDivisionError by ArithmeticError, KeyError and IndexError by LookupError, ValueError by Exception',
     spec=['exception-types', 'exception-match', 'zero-division'], tags=E,
     src='''
def divide(a, b):
    try:
        return a // b
    except ArithmeticError as e:
        return 'arith: ' + str(e)

def lookup(c, k):
    try:
        return c[k]
    except LookupError as e:
        return 'lookup: ' + str(e)

def convert(s):
    try:
        return int(s)
    except Exception as e:
        return 'exc: ' + str(e)

def main():
    return divide(1, 0), lookup({}, 'k'), lookup([], 3), convert('x1')
''', entry='main()'),
dict(path='vm/exceptions/catch-tuple-of-types', desc='except (TypeError, KeyError) matches either type via a tuple on CHECK_EXC_MATCH',
     spec=['exception-match', 'op-CHECK_EXC_MATCH', 'op-BUILD_TUPLE'], tags=E,
     src='''
def risky(i):
    if i == 0:
        return 1 + 'a'
    if i == 1:
        return {}['k']
    return i

def main():
    out = []
    for i in range(3):
        try:
            out.append(risky(i))
        except (TypeError, KeyError) as e:
            out.append('caught ' + str(e))
    return out
''', entry='main()'),
dict(path='vm/exceptions/handler-order', desc='The first matching except clause wins; a non-matching clause re-raises to the next one',
     spec=['exception-match', 'exception-types'], tags=E,
     src='''
def main(d):
    try:
        return d['x']
    except IndexError:
        return 'index'
    except KeyError:
        return 'key'
    except LookupError:
        return 'lookup'
''', entry='main({})'),
dict(path='vm/exceptions/no-match-propagates', desc='An exception not matched by any handler propagates out uncaught with its message; output before it is kept',
     spec=['exception-uncaught', 'exception-message', 'exception-reraise'], tags=E + ['output'],
     src='''
def main():
    try:
        print('before')
        raise ValueError('not a type error')
    except TypeError:
        print('wrong handler')
    return 'unreachable'
''', entry='main()'),
dict(path='vm/exceptions/bare-reraise', desc='A bare raise inside a handler re-raises the caught exception (RAISE_VARARGS 0)',
     spec=['exception-reraise', 'exception-uncaught', 'op-RAISE_VARARGS'], tags=E + ['output'],
     src='''
def main():
    try:
        raise KeyError('k')
    except KeyError:
        print('logging and re-raising')
        raise
''', entry='main()'),
dict(path='vm/exceptions/finally-normal-path', desc='try/finally without an exception runs the finally body once, then continues',
     spec=['exception-finally'], tags=E + ['output'],
     src='''
def main(x):
    try:
        print('body', x)
        y = x * 2
    finally:
        print('cleanup')
    return y
''', entry='main(21)'),
dict(path='vm/exceptions/finally-exception-path', desc='try/finally with an exception runs the finally body (PUSH_EXC_INFO ... RERAISE 0), then the exception propagates',
     spec=['exception-finally', 'exception-uncaught', 'op-RERAISE', 'op-COPY'], tags=E + ['output'],
     src='''
def main(x):
    try:
        print('body')
        y = 1 // x
    finally:
        print('cleanup')
    return y
''', entry='main(0)'),
dict(path='vm/exceptions/finally-with-return', desc='return inside try runs the finally body before the function returns',
     spec=['exception-finally'], tags=E + ['output'],
     src='''
def f(x):
    try:
        return x + 1
    finally:
        print('finally runs')

def main():
    r = f(1)
    print('returned', r)
    return r
''', entry='main()'),
dict(path='vm/exceptions/try-except-finally', desc='try/except/finally: the handler runs, then finally, on the exception path and on the normal path',
     spec=['exception-finally', 'exception-match'], tags=E + ['output'],
     src='''
def step(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print('handler')
        r = -1
    finally:
        print('finally', x)
    return r

def main():
    return step(0), step(5)
''', entry='main()'),
dict(path='vm/exceptions/handled-state-restored', desc='After an inner try/except inside a handler completes, POP_EXCEPT restores the outer handled exception, so a bare raise re-raises the outer one',
     spec=['exception-handled-state', 'exception-reraise', 'op-POP_EXCEPT'], tags=E,
     src='''
def main():
    try:
        raise ValueError('outer')
    except ValueError:
        try:
            raise KeyError('inner')
        except KeyError:
            pass
        raise
''', entry='main()'),
dict(path='vm/exceptions/handled-state-cleared', desc='After a handler finishes (POP_EXCEPT) no exception is being handled: a bare raise is RuntimeError: No active exception to reraise',
     spec=['exception-handled-state', 'exception-reraise'], tags=E,
     src='''
def main():
    try:
        raise ValueError('handled')
    except ValueError:
        pass
    raise
''', entry='main()'),
dict(path='vm/exceptions/handled-state-across-call', desc='A function called from inside a handler sees the caller\'s handled exception: its bare raise re-raises it',
     spec=['exception-handled-state', 'exception-reraise', 'frames'], tags=E,
     src='''
def reraiser():
    raise

def main():
    try:
        raise IndexError('from main')
    except IndexError:
        reraiser()
''', entry='main()'),
dict(path='vm/exceptions/unwind-through-frames', desc='An exception raised three frames deep unwinds the inner frames (their remaining code never runs) to the handler in main',
     spec=['exception-unwind', 'frames', 'exception-match'], tags=E + ['output'],
     src='''
def level3(x):
    print('level3')
    return 1 // x

def level2(x):
    r = level3(x)
    print('level2 after')
    return r

def level1(x):
    r = level2(x)
    print('level1 after')
    return r

def main():
    try:
        level1(0)
    except ZeroDivisionError as e:
        print('main caught', e)
    return level1(1)
''', entry='main()'),
dict(path='vm/exceptions/uncaught-through-frames', desc='An exception nobody catches unwinds every frame and escapes the entry call',
     spec=['exception-uncaught', 'exception-unwind', 'frames'], tags=E + ['output'],
     src='''
def inner(d):
    print('inner')
    return d['nope']

def outer(d):
    v = inner(d)
    print('not printed')
    return v

def main():
    return outer({})
''', entry='main()'),
dict(path='vm/exceptions/handler-in-middle-frame', desc='An exception is handled by the nearest frame with a matching handler; outer frames continue normally',
     spec=['exception-unwind', 'exception-table', 'assembly-exception-table', 'frames'], tags=E,
     src='''
def fail():
    raise ValueError('v')

def middle():
    try:
        fail()
    except ValueError:
        return 'middle handled'

def main():
    try:
        return middle()
    except ValueError:
        return 'main handled'
''', entry='main()'),
dict(path='vm/exceptions/raise-class', desc='raise ValueError (the class) instantiates it with no arguments: empty message',
     spec=['exception-raise', 'exception-message', 'exception-uncaught'], tags=E,
     src='''
def main():
    raise ValueError
''', entry='main()'),
dict(path='vm/exceptions/raise-non-exception', desc='raise of a non-exception raises TypeError: exceptions must derive from BaseException',
     spec=['exception-raise', 'exception-types'], tags=E,
     src='''
def main(x):
    raise x
''', entry='main(1)'),
dict(path='vm/exceptions/raise-from', desc='raise X from Y (RAISE_VARARGS 2) raises X',
     spec=['exception-raise', 'op-RAISE_VARARGS'], tags=E,
     src='''
def main(d):
    try:
        return d['k']
    except KeyError as e:
        raise ValueError('bad config') from e
''', entry='main({})'),
dict(path='vm/exceptions/assert-with-message', desc="assert x, 'msg' fails with AssertionError('msg'): LOAD_ASSERTION_ERROR, then CALL 0 with the message in the self slot",
     spec=['exception-raise', 'op-LOAD_ASSERTION_ERROR', 'exception-message'], tags=E,
     src='''
def main(x):
    assert x > 0, 'x must be positive'
    return x
''', entry='main(-1)'),
dict(path='vm/exceptions/assert-passes-and-fails', desc='assert without a message: passes when true, raises AssertionError with an empty message when false',
     spec=['exception-raise', 'op-LOAD_ASSERTION_ERROR', 'truthiness'], tags=E + ['output'],
     src='''
def check(x):
    assert x
    return x

def main():
    print(check([1]))
    return check([])
''', entry='main()'),
dict(path='vm/exceptions/exception-str-repr', desc='str() and repr() of exception objects: no args, one arg, several args, KeyError quoting its key',
     spec=['exception-message', 'exception-types', 'builtin-repr'], tags=E + ['str'],
     src='''
def main():
    return [str(ValueError()), str(ValueError('a')), str(ValueError(1, 2)), repr(ValueError('a')), str(KeyError('k')), repr(KeyError('k')), repr(TypeError()), str(RuntimeError('r'))]
''', entry='main()'),
dict(path='vm/exceptions/caught-error-messages', desc="Messages of runtime errors caught as values: division by zero, list index, str index, NameError",
     spec=['exception-message', 'zero-division', 'exception-match'], tags=E,
     src='''
def main(xs):
    out = []
    try:
        1 / len(xs)
    except ZeroDivisionError as e:
        out.append(str(e))
    try:
        xs[1]
    except IndexError as e:
        out.append(str(e))
    try:
        'abc'[9]
    except IndexError as e:
        out.append(str(e))
    try:
        missing_global
    except NameError as e:
        out.append(str(e))
    return out
''', entry='main([])'),
dict(path='vm/exceptions/exception-in-handler', desc='An exception raised inside an except block replaces the handled one and propagates (COPY 3, POP_EXCEPT, RERAISE 1 cleanup)',
     spec=['exception-unwind', 'exception-handled-state', 'exception-uncaught'], tags=E,
     src='''
def main():
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
''', entry='main()'),
dict(path='vm/exceptions/retry-loop', desc='A while loop whose try/except handler is the last statement jumps back with JUMP_BACKWARD_NO_INTERRUPT',
     spec=['exception-table', 'assembly-exception-table', 'op-JUMP_BACKWARD_NO_INTERRUPT', 'zero-division'], tags=E + ['control-flow'],
     src='''
def main(n):
    out = []
    while n:
        n -= 1
        try:
            out.append(6 // (n - 2))
        except ZeroDivisionError:
            out.append('div0')
    return out
''', entry='main(5)'),
dict(path='vm/exceptions/catch-stopiteration', desc='StopIteration from next() in an ordinary function can be caught like any Exception',
     spec=['exception-match', 'builtin-next', 'exception-types'], tags=E,
     src='''
def main(xs):
    it = iter(xs)
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
''', entry='main([1, 2])'),
]
