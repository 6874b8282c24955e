"""Programs and optimizers shared by the defs_*.py modules of the optimizer corpus."""

BE = ['BACK_EDGE']
FE = ['FUNCTION_ENTRY']
RY = ['RESUME_AFTER_YIELD']
ALL = ['FUNCTION_ENTRY', 'RESUME_AFTER_YIELD', 'BACK_EDGE']
EAGER = {'K': 1, 'N': 0, 'M': 0}  # seed profile: every tick of a site is a hotspot
T_HOT = ['hotspot']
T_ATTEMPT = ['hotspot', 'compile', 'declined']


def decliner(caps=BE, oc=1, rc=1, **kw):
    """A scripted optimizer that declines everywhere."""
    d = {'capabilities': caps, 'optimizationCost': oc, 'runCost': rc}
    d.update(kw)
    return d


def executor(caps, default=None, at=None, **kw):
    d = {'capabilities': caps}
    d.update(kw)
    if default is not None:
        d['default'] = default
    if at is not None:
        d['at'] = at
    return d


# A counted `for` loop: its JUMP_BACKWARD runs once per iteration (n times).
FOR_LOOP = '''
def main(n):
    total = 0
    for i in range(n):
        total += i
    return total
'''
