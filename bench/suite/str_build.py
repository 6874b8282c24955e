# optcert: id=bench.string.build
# optcert: call=main(30000)
# optcert: budget=100000000
# optcert: spec=cpython-offset-mapping
# optcert: tags=str,containers
# optcert: description=Benchmark (string suite): building lines with f-strings and +=, joining, splitting them back, upper/replace/find on each part
def render(i):
    return f"item-{i}:{i * 7 % 100}|{'odd' if i % 2 else 'even'}"


def main(n):
    parts = []
    for i in range(n):
        parts.append(render(i))
    text = ';'.join(parts)
    checksum = 0
    odd = 0
    for part in text.split(';'):
        up = part.upper()
        if up.find('ODD') >= 0:
            odd += 1
        fixed = up.replace('ITEM-', '#')
        checksum = (checksum + len(fixed) * 31 + fixed.find(':')) % 1000003
    label = ''
    for i in range(n // 10):
        label += str(i % 10)
    return len(text), odd, checksum, label[-12:]
