// Voice-to-text numbers, dots and slashes, and the words of a mixed-language question, as the rules read them.
import { glossed, spoken } from '../../src/nlu/spoken';

test('number words in a dotted address, a dotted name, a port and a slash', () => {
  expect(spoken('what is ten dot two two four dot zero dot four')).toBe('what is 10.224.0.4');
  expect(spoken('resolve api dot shop one dot svc')).toBe('resolve api.shop1.svc');
  expect(spoken('can x slash b reach y slash c on port four four three')).toBe('can x/b reach y/c on port 443');
  expect(spoken('is port seventy one open')).toBe('is port 71 open');
  // an amount: a port is never read from its first word alone
  expect(spoken('reach api on port eight thousand eighty')).toBe('reach api on port 8080');
  expect(spoken('open to y/b on port eighty-one?')).toBe('open to y/b on port 81?');
  expect(spoken('port four hundred forty three')).toBe('port 443');
  expect(spoken('port five thousand four hundred thirty two')).toBe('port 5432');
  // a ten and a unit joined by a hyphen are one number; a number said after "on" at a clause's end is the port
  expect(spoken('what is twenty dot thirty-one dot fifty dot ten?')).toBe('what is 20.31.50.10?');
  expect(spoken('can z/c reach x/a on eighty?')).toBe('can z/c reach x/a on 80?');
  expect(spoken('api to db-0, like on five four three two, does it hop')).toBe(
    'api to db-0, like on 5432, does it hop',
  );
  expect(spoken('is web on two nodes')).toBe('is web on two nodes');
  expect(spoken('web runs on one')).toBe('web runs on one');
  // a filler set off by commas after a word that cannot end a clause, and one that opens the message, go
  expect(spoken('um, how does, like, nginx get to web')).toBe('how does nginx get to web');
  expect(spoken('what is, uh, the egress ip')).toBe('what is the egress ip');
  expect(spoken('customers hit web, like, where does that go?')).toBe('customers hit web, like, where does that go?');
  // no dictation: left as written
  expect(spoken('which one is the ingress')).toBe('which one is the ingress');
  expect(spoken('the dot of it')).toBe('the dot of it');
});

test('the words of another language read as English, only in a message that has one', () => {
  expect(glossed('bitte: welcher node hat den web pod?')).toBe('please: which node hat den web pod?');
  expect(glossed('puede el pod api llegar a db en el puerto 5432')).toBe('can the pod api reach db on port 5432');
  expect(glossed('quelle adresse sortante pour le pod web')).toBe('which address outbound pour the pod web');
  expect(glossed('bitte die api pods löschen')).toMatch(/^please delete /);
  // English alone is never glossed ("la", "le", "mit" stay)
  expect(glossed('is the la region mit licensed')).toBe('is the la region mit licensed');
});
