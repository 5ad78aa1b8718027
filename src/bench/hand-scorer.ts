// A hand-written scorer for the seed rubric (rubrics/etuokeqianqi-2017.yaml): plain TypeScript arithmetic on the
// facts, no engine, no explanations, no validation — the benchmark's reference for what the hardware allows.
// It must agree with the engine's final score (tests/batch/hand-scorer.test.ts checks it on synthetic agencies).

type Facts = Record<string, unknown>;

export interface HandScore {
  base: number;
  bonus: number;
  final: number;
  grade: string;
}

/** Score seed-rubric evidence (parsed JSON) the way the engine does; missing facts score 0. */
export function handScoreSeed(ev: { facts?: Facts; judgements?: Record<string, { score: number }> }): HandScore {
  const f = ev.facts ?? {};
  const has = (...ids: string[]): boolean => ids.every((id) => f[id] !== null && f[id] !== undefined);
  const t = (id: string): boolean => f[id] === true;
  const n = (id: string): number => f[id] as number;
  const bin = (pts: number, ids: string[], ok: () => boolean): number => (has(...ids) && ok() ? pts : 0);
  let s = 0;
  // 1 组织领导
  s += bin(3, ['leaderHeardReport'], () => t('leaderHeardReport'));
  s += bin(2, ['workMeetings'], () => n('workMeetings') >= 1);
  s += bin(3, ['inLeadershipDivision'], () => t('inLeadershipDivision'));
  s += bin(2, ['inLeadershipDivision', 'divisionPublishedOnline'], () => t('inLeadershipDivision') && t('divisionPublishedOnline'));
  s += bin(2, ['performanceWeight'], () => n('performanceWeight') >= 4);
  s += bin(1, ['dedicatedUnits', 'staffTotal'], () => n('dedicatedUnits') >= 1 && n('staffTotal') >= 1);
  s += bin(1, ['trainingSessions'], () => n('trainingSessions') >= 1);
  s += bin(1, ['regularSupervision'], () => t('regularSupervision'));
  // 2 制度机制建设
  for (const id of ['disclosureSystemEstablished', 'releaseCoordinationMechanism', 'confidentialityReviewMechanism', 'guideCatalogueSystem']) s += bin(1, [id], () => t(id));
  s += bin(1, ['sourceAttributeReview', 'leakIncident'], () => t('sourceAttributeReview') && f.leakIncident === false);
  s += bin(2, ['pressAndInterpretationSystem'], () => t('pressAndInterpretationSystem'));
  s += bin(1, ['sentimentMonitoringMechanism'], () => t('sentimentMonitoringMechanism'));
  if (has('platformMonitoringSystem')) {
    if (t('platformMonitoringSystem')) s += 2;
    else if (has('platformDailyManagement') && t('platformDailyManagement')) s += 1;
  }
  // 3 平台建设
  s += bin(1, ['websiteDisclosureColumn'], () => t('websiteDisclosureColumn'));
  s += bin(1, ['websiteSubColumns'], () => t('websiteSubColumns'));
  s += bin(2, ['websitePosts', 'websiteCriticized'], () => n('websitePosts') >= 1 && f.websiteCriticized === false);
  s += bin(1, ['weiboPosts', 'wechatPosts'], () => n('weiboPosts') >= 1 || n('wechatPosts') >= 1);
  // 4 政府信息公开
  s += bin(4, ['guideCatalogueAnnualReport'], () => t('guideCatalogueAnnualReport'));
  s += bin(10, ['proactiveTotal', 'basicInfoPublished'], () => n('proactiveTotal') >= 1 && t('basicInfoPublished'));
  s += bin(2, ['fiveOpenness'], () => t('fiveOpenness'));
  const areas = ['keyAreaPowerList', 'keyAreaFinance', 'keyAreaPovertyRelief', 'keyAreaPublicResources', 'keyAreaMajorProjects', 'keyAreaPublicServices', 'keyAreaPublicSupervision'];
  if (has(...areas)) s += Math.max(0, 12 - Math.min(12, (7 - areas.filter(t).length) * 2));
  s += bin(2, ['timelyDisclosure'], () => t('timelyDisclosure'));
  s += bin(2, ['publicConsultation'], () => t('publicConsultation'));
  s += bin(2, ['budgetDisclosed'], () => t('budgetDisclosed'));
  s += bin(2, ['budgetReportedToPlatform'], () => t('budgetReportedToPlatform'));
  s += bin(4, ['releasePlatformSupported'], () => t('releasePlatformSupported'));
  s += bin(4, ['applicationColumnOnline'], () => t('applicationColumnOnline'));
  s += bin(3, ['applicationsOnTime', 'applicationsReceived', 'applicationSystemEstablished', 'replyNoticeStandard'], () =>
    n('applicationsOnTime') >= n('applicationsReceived') && t('applicationSystemEstablished') && t('replyNoticeStandard'),
  );
  const caseIds = ['reconsiderations', 'lawsuits', 'reconsiderationsCorrected', 'lawsuitsCorrected', 'uncorrectedIssues'];
  s += bin(3, caseIds, () => {
    const cases = n('reconsiderations') + n('lawsuits');
    const rate = cases === 0 ? 0 : ((n('reconsiderationsCorrected') + n('lawsuitsCorrected')) / cases) * 100;
    return rate < 10 && n('uncorrectedIssues') === 0;
  });
  // 5 回应解读
  s += bin(3, ['policyInterpretationColumn'], () => t('policyInterpretationColumn'));
  s += bin(3, ['policyInterpretationArticles', 'interpretationsLinked'], () => n('policyInterpretationArticles') >= 1 && t('interpretationsLinked'));
  s += bin(1, ['newsReleaseColumn'], () => t('newsReleaseColumn'));
  s += bin(1, ['leaderPressConferences', 'leaderOnlineInterviews', 'leaderPublishedArticle'], () => n('leaderPressConferences') >= 1 || n('leaderOnlineInterviews') >= 1 || t('leaderPublishedArticle'));
  s += bin(2, ['responseColumn'], () => t('responseColumn'));
  s += bin(2, ['hotspotResponses', 'socialMediaResponses', 'otherResponses'], () => n('hotspotResponses') >= 1 || n('socialMediaResponses') >= 1 || n('otherResponses') >= 1);
  s += bin(2, ['weiboPosts', 'wechatPosts'], () => n('weiboPosts') >= 1 || n('wechatPosts') >= 1);
  s += bin(1, ['newMediaWellRun'], () => t('newMediaWellRun'));
  // 6 政务服务
  for (const id of ['serviceProceduresComplete', 'infoSharingSystem', 'serviceListsStandardized', 'physicalHall', 'onlineServiceFunction']) s += bin(1, [id], () => t(id));
  // 7 任务, 8 加分项 (bonus, capped at 5 each)
  const j = ev.judgements ?? {};
  const task = Math.min(5, j['7']?.score ?? 0);
  const commend = has('commendations') ? Math.min(5, Math.max(0, n('commendations'))) : 0;
  const extra = Math.min(5, (j['8.1']?.score ?? 0) + commend);
  const bonus = task + extra;
  const base = Math.min(100, Math.max(0, s));
  const final = Math.round((base + bonus) * 10) / 10;
  const grade = final >= 90 ? '优秀' : final >= 80 ? '良好' : final >= 60 ? '合格' : '不合格';
  return { base, bonus, final, grade };
}
