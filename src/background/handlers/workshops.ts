import { fail, ok } from '../../messages/reply';
import { activeGeneration, rememberActive } from '../../messages/lastActive';
import { listScripts, saveScript, scripts } from '../../store/scripts';
import { setSetting } from '../../store/settings';
import { listWorkshops } from '../../store/workshops';
import { isBuiltInScriptId } from '../../store/templateCopies';
import { userLang } from '../lang';
import { dataOverview, eraseEverything, erasePerson, eraseWorkshop } from '../erase';
import { importAsNewWorkshop, importBegin, importChunk, importCommit, mergeIntoWorkshop } from '../library';
import {
  activeWorkshop,
  appendRunEvent,
  choosingActive,
  createFromTemplate,
  createWorkshop,
  loadWorkshop,
  setRunPlannedEnd,
  updateWorkshop,
  workshopContents,
} from '../workshops';
import type { Handlers } from './types';
import { syncHooks } from '../syncHooks';

// Workshops, their scripts and runs.

export const workshopHandlers = {
  'workshop/active': async () => {
    const seen = activeGeneration();
    const active = await activeWorkshop(await userLang());
    void rememberActive(active, seen); // the next panel to open draws it at once (../../messages/lastActive.ts)
    return ok(active);
  },
  'workshop/list': async () => ok(await listWorkshops()),
  'workshop/open': ({ workshopId }) =>
    choosingActive(async () => {
      const loaded = await loadWorkshop(workshopId);
      if (!loaded) return fail('workshop-missing');
      await setSetting('activeWorkshopId', workshopId);
      return ok(loaded);
    }),
  'workshop/delete': async ({ workshopId }) => {
    // A shared workshop's room is left first, so nothing of it comes back from the room.
    await syncHooks.leave(workshopId);
    await eraseWorkshop(workshopId);
    return ok(null);
  },
  'data/overview': async () => ok(await dataOverview()),
  'data/erase-person': async ({ workshopId, key, name }) => {
    await erasePerson(workshopId, { key, name });
    return ok(null);
  },
  'data/erase-all': async () => {
    await syncHooks.leave();
    await eraseEverything();
    return ok(null);
  },
  // Made or opened after a first-run default workshop under way, so that one cannot replace it.
  'workshop/from-template': ({ templateId, lang, workshopIndex }) => choosingActive(() => createFromTemplate(templateId, lang, workshopIndex)),
  'workshop/from-script': ({ scriptId, workshopIndex }) =>
    choosingActive(async () => {
      const record = await scripts.get(scriptId);
      if (!record) return fail('script-missing');
      if (!record.script.workshops[workshopIndex]) return fail('workshop-missing');
      return ok(await createWorkshop(record.script, workshopIndex));
    }),
  'workshop/contents': async ({ workshopId }) => {
    const contents = await workshopContents(workshopId);
    return contents ? ok(contents) : fail('workshop-missing');
  },
  'workshop/import': ({ doc, intoWorkshopId }) => (intoWorkshopId ? mergeIntoWorkshop(intoWorkshopId, doc) : importAsNewWorkshop(doc)),
  'workshop/import-begin': async ({ header, total }) => importBegin(header, total),
  'workshop/import-chunk': async ({ importId, json }) => importChunk(importId, json),
  'workshop/import-commit': ({ importId, intoWorkshopId }) => importCommit(importId, intoWorkshopId),
  'workshop/update': ({ workshopId, patch }) => updateWorkshop(workshopId, patch),
  'run/event': ({ workshopId, event, expectedCount }) => appendRunEvent(workshopId, event, expectedCount),
  'run/planned-end': async ({ workshopId, plannedEnd }) => {
    await setRunPlannedEnd(workshopId, plannedEnd);
    return ok(null);
  },
  'script/list': async () => ok(await listScripts()),
  // An edited built-in template becomes a script of its own; the built-in copy stays as it was.
  'script/save': async ({ script }) => {
    if (isBuiltInScriptId(script.id)) return ok(await saveScript({ ...script, id: crypto.randomUUID() }));
    // A workshop points at its part of the script by place: a save that drops it is refused.
    const lost = (await listWorkshops()).filter((w) => w.scriptId === script.id && w.workshopIndex >= script.workshops.length).length;
    if (lost > 0) return fail('script-workshop-in-use', { n: lost });
    return ok(await saveScript(script));
  },
  'script/delete': async ({ scriptId }) => {
    // A workshop cannot be opened or exported without its script: delete the workshops first.
    const users = (await listWorkshops()).filter((w) => w.scriptId === scriptId).length;
    if (users > 0) return fail('script-in-use', { n: users });
    await scripts.remove(scriptId);
    return ok(null);
  },
} satisfies Partial<Handlers>;
