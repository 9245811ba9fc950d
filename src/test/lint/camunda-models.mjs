// The models open in Camunda Modeler with no warning, and every Camunda attribute is where Camunda reads it.
//
// Each BPMN and DMN model in processes/ is read as bpmn-js and dmn-js read it (bpmn-moddle / dmn-moddle with
// Camunda's extension descriptors, as Camunda Modeler loads them), and every import warning is an error here: an
// unknown attribute or element (a Camunda attribute on an element where Camunda does not define it, such as
// camunda:candidateStarterGroups on a start event: the engine ignores it there), an unresolved reference. Added: a
// Camunda extension element where its descriptor does not allow it (camunda:taskListener outside a user task), and
// the diagram (DI) the Modeler draws: every flow element drawn once, no shape without its element.
//
// Run by `npm run lint` (after bpmnlint); exits 1 with one line per problem.
import fs from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import camundaBpmn from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import camundaDmn from 'camunda-dmn-moddle/resources/camunda.json' with { type: 'json' };

const dir = process.argv[2] || 'processes';
const problems = [];

// only the models: processes/ also holds the decision tables' test cases and the Modeler's .camunda folder
for (const file of fs.readdirSync(dir).sort()) {
  if (file.endsWith('.bpmn')) {
    await checkBpmn(file, fs.readFileSync(path.join(dir, file), 'utf8'));
  } else if (file.endsWith('.dmn')) {
    await checkDmn(file, fs.readFileSync(path.join(dir, file), 'utf8'));
  }
}

if (problems.length) {
  problems.forEach((p) => console.error(p));
  console.error(`\n${problems.length} problem(s) in the models (src/test/lint/camunda-models.mjs)`);
  process.exit(1);
}
console.log('Camunda models: no warnings, every Camunda attribute where Camunda reads it');

async function checkBpmn(file, xml) {
  const moddle = new BpmnModdle({ camunda: camundaBpmn });
  const { rootElement, warnings } = await read(file, () => moddle.fromXML(xml, 'bpmn:Definitions'));
  if (!rootElement) return;
  warnings.forEach((w) => problems.push(`${file}: ${w.message}`));
  walk(rootElement, (element, parent) => {
    if (parent && parent.$type === 'bpmn:ExtensionElements') {
      const meta = moddle.getTypeDescriptor(element.$type).meta;
      const allowedIn = meta && meta.allowedIn;
      const owner = parent.$parent;
      if (allowedIn && !allowedIn.includes('*') && !allowedIn.some((type) => owner.$instanceOf(type))) {
        problems.push(`${file}: <${element.$type}> in ${owner.$type} '${owner.id}', where Camunda does not read it `
          + `(allowed in ${allowedIn.join(', ')})`);
      }
    }
  });

  // the diagram: every flow element drawn exactly once; every shape and edge names an element
  const drawn = new Map();
  for (const diagram of rootElement.diagrams || []) {
    walk(diagram.plane, (di) => {
      if (di.$type === 'bpmndi:BPMNShape' || di.$type === 'bpmndi:BPMNEdge') {
        if (!di.bpmnElement) {
          problems.push(`${file}: ${di.$type} '${di.id}' names no element`);
        } else {
          drawn.set(di.bpmnElement.id, (drawn.get(di.bpmnElement.id) || 0) + 1);
        }
      }
    });
  }
  for (const process of rootElement.rootElements.filter((e) => e.$type === 'bpmn:Process')) {
    walk(process, (element) => {
      if (element.$instanceOf('bpmn:FlowElement') && element.$type !== 'bpmn:DataObject') {
        const times = drawn.get(element.id) || 0;
        if (times !== 1) {
          problems.push(`${file}: ${element.$type} '${element.id}' is drawn ${times} times in the diagram`);
        }
      }
    });
  }
}

async function checkDmn(file, xml) {
  const moddle = new DmnModdle({ camunda: camundaDmn });
  const { rootElement, warnings } = await read(file, () => moddle.fromXML(xml, 'dmn:Definitions'));
  if (!rootElement) return;
  warnings.forEach((w) => problems.push(`${file}: ${w.message}`));
}

async function read(file, parse) {
  try {
    return await parse();
  } catch (error) {
    problems.push(`${file}: cannot be read: ${error.message}`);
    return {};
  }
}

/** Visits every model element below (and including) the element, with its parent. */
function walk(element, visit, parent, seen = new Set()) {
  if (!element || typeof element !== 'object' || !element.$type || seen.has(element)) return;
  seen.add(element);
  visit(element, parent);
  for (const property of element.$descriptor.properties) {
    if (property.isReference) continue;
    const value = element.get(property.ns.name);
    for (const child of Array.isArray(value) ? value : [value]) {
      walk(child, visit, element, seen);
    }
  }
}
