/** A certificate in the format a reporter names: the certificate itself, JUnit XML, TAP 13, or the console report. */
import type { Certificate } from './certificate';
import { consoleReport } from './certify-console';
import { junitReport } from './junit';
import { tapReport } from './tap';

export type Reporter = 'console' | 'json' | 'junit' | 'tap';

export function renderCertificate(c: Certificate, reporter: Reporter): string {
  switch (reporter) {
    case 'json':
      return JSON.stringify(c, null, 2);
    case 'junit':
      return junitReport(c);
    case 'tap':
      return tapReport(c);
    case 'console':
      return consoleReport(c).join('\n');
  }
}
